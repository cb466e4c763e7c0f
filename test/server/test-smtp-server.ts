import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the test mail server received it. */
export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port, keeping what it receives in memory. */
export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Recipients the server refuses with a 550 (a permanent failure, like a bounce at the door). */
  refuse: Set<string>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 64,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) {
        const error = Object.assign(new Error("No such user"), { responseCode: 550 });
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The personal code in a received mail's link, e.g. `ABCD-EFGH-JKMN-P`. */
export function codeInMail(mail: ReceivedMail): string | undefined {
  // Quoted-printable may break the line or encode "=" as "=3D"; undo both first.
  const text = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  return /#code=([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z])/.exec(text)?.[1];
}
