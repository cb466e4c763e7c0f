import { parentPort, workerData } from "node:worker_threads";
import type { SmtpConfig } from "../config";
import { type MailReply, type MailRequest, smtpTransport } from "./mailer";

// The SMTP pool lives here, off the thread that serves respondents (see workerMailer).
const { smtp, password, concurrency } = workerData as {
  smtp: SmtpConfig;
  password: string | undefined;
  concurrency: number;
};
const transport = smtpTransport(smtp, password, concurrency);

parentPort?.on("message", ({ id, mail }: MailRequest) => {
  transport.sendMail({ from: smtp.from, ...mail }).then(
    () => parentPort?.postMessage({ id, ok: true } satisfies MailReply),
    // Counted as failed by the sender; the error names the recipient, so it stays here.
    () => parentPort?.postMessage({ id, ok: false } satisfies MailReply),
  );
});
