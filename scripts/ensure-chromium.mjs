// Browser tests use Debian's Chromium; nothing is downloaded from outside the registries.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() !== 0) {
    console.error(`${path} is missing: install Debian's chromium package (apt-get install chromium).`);
    process.exit(1);
  }
  console.log(`${path} is missing: installing Debian's chromium package`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core', {
    stdio: 'inherit',
  });
}
