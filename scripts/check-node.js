// Plain JavaScript on purpose: it must run on the old Node.js it refuses, and say one clear line.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Probity needs Node.js >= 22.12 (24 LTS recommended); this is ${process.version}. ` +
      'Run: source scripts/ensure-node.sh   (it installs Node 24 without root) and try again.',
  );
  process.exit(1);
}
