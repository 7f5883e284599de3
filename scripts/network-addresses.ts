import { execFileSync } from 'node:child_process';
import os from 'node:os';

/**
 * The test machine's IPv4 addresses other devices may reach (not loopback,
 * not link-local), as Node and `hostname -I` both list them: what the
 * server's join link may name, found without the server's own code.
 * Server and browser tests use it; no test sends traffic to them.
 */
export function machineNetworkAddresses(): string[] {
  const fromNode = Object.values(os.networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.'))
    .map((info) => info!.address);
  let fromHostname: string[] = [];
  try {
    fromHostname = execFileSync('hostname', ['-I'], { encoding: 'utf8' }).trim().split(/\s+/);
  } catch {
    // not Debian's hostname: Node's list alone
  }
  return fromNode.filter((address) => fromHostname.length === 0 || fromHostname.includes(address));
}
