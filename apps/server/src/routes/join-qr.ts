import { createHash } from 'node:crypto';
import QRCode from 'qrcode';

/**
 * Medium error correction (15 % of the code may be unreadable): a projector's
 * glare or a phone held at an angle, while a join link still fits a code a
 * phone reads from the back of the room.
 */
export const JOIN_QR_ERROR_CORRECTION = 'M' as const;

/** A join link as a QR code: an SVG document (black on white, the standard 4-module quiet zone) and its ETag. */
export async function joinQrSvg(joinUrl: string): Promise<{ svg: string; etag: string }> {
  const svg = await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: JOIN_QR_ERROR_CORRECTION, margin: 4 });
  const etag = `"${createHash('sha256').update(svg).digest('base64url').slice(0, 22)}"`;
  return { svg, etag };
}
