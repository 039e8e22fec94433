// The demo's mail catcher: an SMTP server on loopback (the smtp-server package) for the
// acknowledgements of withdrawal statements when SMTP_URL names no real one. Each mail is told
// on the console, its text whole, as a customer's inbox would show it; nothing leaves the machine.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** Starts the catcher on a free loopback port; resolves with its smtp:// URL and a close(). */
export async function startMailCatcher() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = [mail.to].flat().map((a) => a?.text).join(', ');
        console.log(`mail to ${to}: ${mail.subject}\n${(mail.text ?? '').replace(/^/gm, '  | ')}`);
        callback();
      }, callback);
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
