/**
 * The level guide of the MHLW ability standards (職業能力評価基準), phrased as what a person can do
 * with a skill at that level. Shown next to every skill level on screen.
 */

export type LevelGuideSeed = {
  level: 1 | 2 | 3 | 4;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
};

export const levelGuide: readonly LevelGuideSeed[] = [
  {
    level: 1,
    titleJa: "レベル1 担当者（指導を受けて遂行）",
    titleEn: "Level 1 — Staff (works under guidance)",
    descriptionJa:
      "基本的な知識・技能を持ち、上位者の指導やマニュアルに沿って定型的な業務を正確に遂行できる。判断に迷う場面では適切に相談・エスカレーションできる。",
    descriptionEn:
      "Has the basic knowledge and applies it to routine work accurately, following guidance from seniors and the manual. Asks for help or escalates when a case goes beyond the routine.",
  },
  {
    level: 2,
    titleJa: "レベル2 担当者（自立して遂行）",
    titleEn: "Level 2 — Staff (works independently)",
    descriptionJa:
      "応用的な知識・技能を持ち、イレギュラーな案件も含めて自らの判断で自立して業務を遂行できる。後輩からの質問に答え、手本を示すことができる。",
    descriptionEn:
      "Applies the skill independently, including irregular cases, using their own judgement. Can answer colleagues' questions and serve as an example for newer members.",
  },
  {
    level: 3,
    titleJa: "レベル3 中堅〜上級担当者・責任者",
    titleEn: "Level 3 — Senior staff / team lead",
    descriptionJa:
      "専門的な知識・技能を持ち、チームの業務を主導して仕組みや手順を改善できる。メンバーを指導・助言し、関係部署と調整しながら成果を上げられる。",
    descriptionEn:
      "Leads the team's work with this skill and improves how it is done — processes, tools, standards. Coaches and advises others and works across departments to deliver results.",
  },
  {
    level: 4,
    titleJa: "レベル4 責任者・最高度の専門職",
    titleEn: "Level 4 — Head / top specialist",
    descriptionJa:
      "組織全体の方針や基準を定め、その成果に責任を負う、または社内外で第一人者として認められる高度な専門性を持つ。新しい手法や仕組みを生み出し、他部門や経営に提言できる。",
    descriptionEn:
      "Sets the direction and standards for the whole organisation and is accountable for the outcome, or is recognised inside and outside the company as a leading specialist. Creates new methods and advises other departments and management.",
  },
];
