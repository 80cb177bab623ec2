// What a file really is, judged from its first bytes only. File names and extensions lie (a PDF
// renamed to .png, a HEIC exported as .jpg), so nothing here ever looks at a name.

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';

/** How many leading bytes `sniffImageType` / `describeForeignFile` ever look at. */
export const SNIFF_BYTES = 1024;

/** A file type we recognise but do not accept, named the way a person would say it. */
export interface ForeignFile {
  /** e.g. "a GIF image", "a PDF document". */
  label: string;
  /** True when it is a picture in the wrong format (convert it), false when it is not a picture at all. */
  isImage: boolean;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JPEG_SOI = [0xff, 0xd8, 0xff] as const;

/** PNG, JPEG or WebP from magic bytes; anything else (including what merely claims to be) is undefined. */
export function sniffImageType(bytes: Uint8Array): ImageMime | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SOI)) return 'image/jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** ISO-BMFF (HEIC, AVIF, MP4, MOV): `ftyp` box at offset 4, then the major brand. */
function describeIsoMedia(bytes: Uint8Array): ForeignFile | undefined {
  if (ascii(bytes, 4, 8) !== 'ftyp') return undefined;
  // Major brand plus the compatible brands that follow it in the first box.
  const brands = ascii(bytes, 8, 40);
  if (/avi[fs]/.test(brands)) return { label: 'an AVIF image', isImage: true };
  if (/hei[cxms]|hev[cx]|mif1|msf1/.test(brands)) return { label: 'a HEIC/HEIF photo', isImage: true };
  if (/qt {2}/.test(brands)) return { label: 'a QuickTime video', isImage: false };
  return { label: 'a video (MP4)', isImage: false };
}

/** SVG is text: allow a BOM, whitespace, an XML declaration, comments and a doctype before `<svg`. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = ascii(bytes, 0, SNIFF_BYTES).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (!head.startsWith('<')) return false;
  return /^<svg[\s>]/i.test(head) || ((/^<\?xml|^<!--|^<!doctype svg/i.test(head)) && /<svg[\s>]/i.test(head));
}

/**
 * Names the common things people drop by mistake, so the error can say "this is a PDF" instead of
 * "unsupported format". Undefined for PNG/JPEG/WebP and for anything we cannot name.
 */
export function describeForeignFile(bytes: Uint8Array): ForeignFile | undefined {
  if (sniffImageType(bytes)) return undefined;
  const head4 = ascii(bytes, 0, 4);
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { label: 'a GIF image', isImage: true };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 14) return { label: 'a BMP image', isImage: true };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { label: 'a TIFF image', isImage: true };
  }
  const iso = describeIsoMedia(bytes);
  if (iso) return iso;
  if (head4 === 'RIFF') return { label: `a RIFF ${ascii(bytes, 8, 12).trim() || 'media'} file`, isImage: false };
  if (ascii(bytes, 0, 5) === '%PDF-') return { label: 'a PDF document', isImage: false };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { label: 'a ZIP archive (or an Office document)', isImage: false };
  }
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { label: 'a Linux program (ELF)', isImage: false };
  if (ascii(bytes, 0, 2) === 'MZ') return { label: 'a Windows program (EXE/DLL)', isImage: false };
  if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) {
    return { label: 'a macOS program', isImage: false };
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return { label: 'a gzip archive', isImage: false };
  if (looksLikeSvg(bytes)) return { label: 'an SVG drawing', isImage: true };
  return undefined;
}
