// Makes sure the browser tests have a Chromium: Debian's package, installed with apt-get when
// missing and we are root (CI machines here run as root); otherwise says what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH points at ${path}, which does not exist.`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.error('The browser tests need Chromium at /usr/bin/chromium. Install it with `sudo apt-get install -y chromium`,');
  console.error('or set CHROMIUM_PATH to another Chromium or Chrome binary.');
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests…');
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
} catch {
  console.error('apt-get could not install chromium. Install it by hand (`apt-get install -y chromium`) or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`chromium was installed but ${path} is missing; set CHROMIUM_PATH.`);
  process.exit(1);
}
