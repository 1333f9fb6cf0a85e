/** RFC 4648 §6 base32 (alphabet A-Z 2-7), as Python's base64.b32encode. Small enough not to need a dependency. */
export const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Base32 of `bytes`; with `pad`, "=" up to a multiple of 8 characters (as b32encode), else no padding. */
export function base32Encode(bytes: Uint8Array, {pad = true}: {pad?: boolean} = {}): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1; // keep only the unread bits so the buffer never overflows 32 bits
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  if (pad) while (out.length % 8 !== 0) out += "=";
  return out;
}
