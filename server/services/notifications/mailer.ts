import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void> };

export const MAIL_FROM = "Kakezan <no-reply@kakezan.example>";

/**
 * E-mail through nodemailer: SMTP from SMTP_URL in production; otherwise every message is written
 * as an .eml file to MAIL_DIR (default .data/mail) — the demo's log transport, which e2e reads.
 */
export function createMailer(env: Record<string, string | undefined> = process.env): Mailer {
  const from = env.MAIL_FROM ?? MAIL_FROM;
  if (env.SMTP_URL) {
    const transport = nodemailer.createTransport(env.SMTP_URL);
    return { send: async (mail) => void (await transport.sendMail({ from, ...mail })) };
  }
  const dir = env.MAIL_DIR ?? ".data/mail";
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (mail) => {
      const info = await transport.sendMail({ from, ...mail });
      mkdirSync(dir, { recursive: true });
      const name = `${Date.now()}-${info.messageId.replace(/[^a-z0-9]/gi, "")}.eml`;
      writeFileSync(join(dir, name), info.message as Buffer);
    },
  };
}
