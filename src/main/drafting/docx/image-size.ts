// The pixel size of a PNG, GIF or JPEG image, read from its header (to place a logo at its proportions).
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('ascii', 12, 16) === 'IHDR')
    return positive(b.readUInt32BE(16), b.readUInt32BE(20));
  if (b.length >= 10 && b.toString('ascii', 0, 3) === 'GIF')
    return positive(b.readUInt16LE(6), b.readUInt16LE(8));
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b.readUInt8(i + 1);
      const length = b.readUInt16BE(i + 2);
      // Start-of-frame markers carry the size (not DHT C4, JPG C8, DAC CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return positive(b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
      i += 2 + length;
    }
  }
  return undefined;
}

function positive(width: number, height: number) {
  return width > 0 && height > 0 ? { width, height } : undefined;
}
