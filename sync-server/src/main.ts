import { describeUrl, readConfig } from './config.ts';
import { outboxMailer, smtpMailer } from './mail/mailer.ts';
import { startServer } from './server.ts';

// `node sync-server/src/main.ts` (npm start / npm run serve). Configuration: see config.ts.
const config = readConfig();
// The log (pino JSON lines on stdout) always carries security events (security-log.ts);
// LOG_REQUESTS=1 adds a line per request.
const mailer = config.mail.smtp ? smtpMailer(config.mail.smtp) : outboxMailer(config.mail.outboxDir);
const server = await startServer({ ...config, mailer, logger: { level: process.env.LOG_LEVEL || 'info' }, logRequests: process.env.LOG_REQUESTS === '1' });

console.log(`Spotter is running at ${server.url} (database: ${config.databaseUrl ? `PostgreSQL ${describeUrl(config.databaseUrl)}` : config.databasePath})`);
console.log(`Email: ${mailer.describe}${config.mail.smtp ? '' : ' (no SMTP_URL: mails are kept there as text files, README "Email")'}; links point at ${config.publicUrl}`);
if (server.demoAccounts.length) {
  console.log('Demo accounts created (DEMO_DATA=0 turns this off):');
  for (const a of server.demoAccounts) console.log(`  ${a.role.padEnd(6)} ${a.email}  password: ${a.password}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  });
}
