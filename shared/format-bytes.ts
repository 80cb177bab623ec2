// One way to say a size, everywhere (the page, the core's messages, the CLI): binary units labelled
// the way Windows and most people read them ("8 MB" is 8 × 1024 × 1024 bytes, which is also how our
// limits are written). Sizes are whole bytes from disk or the network; anything else reads as 0.

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** 512 → "512 bytes", 13_000 → "13 KB", 1_048_576 → "1.0 MB", 3 GiB → "3.00 GB". */
export function formatBytes(n: number): string {
  const bytes = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  if (bytes < KB) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  if (bytes < GB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${(bytes / GB).toFixed(2)} GB`;
}

/** A transfer speed in the same units: "4.2 MB/s". */
export function formatByteRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}
