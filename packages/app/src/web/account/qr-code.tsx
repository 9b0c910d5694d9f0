import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code of `text` as one SVG path (qrcode-generator makes the matrix; error correction M), for an
 * authenticator app to scan. `label` is its accessible name; the same text stays on the page for typing.
 */
export function QrCode({
  text,
  label,
  size = 200,
}: {
  readonly text: string;
  readonly label: string;
  readonly size?: number;
}) {
  const { count, path } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    const n = qr.getModuleCount();
    const cells: string[] = [];
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) if (qr.isDark(r, c)) cells.push(`M${c + 4} ${r + 4}h1v1h-1z`);
    return { count: n, path: cells.join('') };
  }, [text]);
  const side = count + 8; // four modules of quiet zone on each side
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-testid="totp-qr"
      data-modules={count}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
