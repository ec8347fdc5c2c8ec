import { nodeLabel, type SankeyPicture } from "./report-charts";

type Props = { picture: SankeyPicture; title: string; summaryId: string };

/**
 * A Sankey diagram drawn on the server (no script in the page): links are grey bands whose width
 * is the number of moves, nodes are dark bars named with their total, so neither the direction nor
 * the size of a flow is carried by colour. Each band also says its figure in a tooltip.
 */
export function ReportSankey({ picture, title, summaryId }: Props) {
  const names = new Map(picture.nodes.map((node) => [node.id, node.name]));
  return (
    <svg
      role="img"
      aria-label={title}
      aria-describedby={summaryId}
      viewBox={`0 0 ${picture.width} ${picture.height}`}
      className="h-auto w-full"
      style={{ maxWidth: picture.width }}
      preserveAspectRatio="xMinYMin meet"
    >
      <g fill="none">
        {picture.links.map((link) => (
          <path key={`${link.source}-${link.target}`} d={link.path} stroke="#64748b" strokeOpacity={0.45} strokeWidth={link.width}>
            <title>{`${names.get(link.source) ?? ""} → ${names.get(link.target) ?? ""}: ${link.text}`}</title>
          </path>
        ))}
      </g>
      <g>
        {picture.nodes.map((node) => (
          <g key={node.id}>
            <rect x={node.x0} y={node.y0} width={node.x1 - node.x0} height={Math.max(1, node.y1 - node.y0)} fill="#3730a3" />
            <text
              x={node.side === "from" ? node.x0 - 6 : node.x1 + 6}
              y={(node.y0 + node.y1) / 2}
              dy="0.35em"
              textAnchor={node.side === "from" ? "end" : "start"}
              fontSize={12}
              fill="#0f172a"
            >
              {nodeLabel(node)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
