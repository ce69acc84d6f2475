/**
 * A valid baseline JPEG of one flat colour at any size, written directly: one quantisation table
 * of ones, a DC Huffman table with three codes and an AC table with only end-of-block. Every block
 * after the first repeats its predecessor's DC, so 12000×12000 pixels take about 2.5 MB.
 */
export function flatColourJpeg(width: number, height: number, y = 200, cb = 118, cr = 138): Buffer {
  const head: number[] = [0xff, 0xd8];
  const segment = (marker: number, body: number[]) =>
    head.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
  segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
  segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
  // DC table 0: codes 00, 01, 10 for categories 0, 7 and 10. AC table 0: code 0 for end-of-block.
  segment(0xc4, [0x00, 0, 3, ...new Array<number>(14).fill(0), 0, 7, 10]);
  segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]);
  segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);
  const bits = new BitWriter(Math.ceil(((width / 8) * (height / 8) * 9) / 8) + 1024);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // First MCU: each component's DC difference sets its level; 8 × (level − 128) at quantiser 1.
  for (const level of [y, cb, cr]) {
    const v = 8 * (level - 128);
    const size = v === 0 ? 0 : Math.floor(Math.log2(Math.abs(v))) + 1;
    if (size === 0) bits.write(0b00, 2);
    else {
      if (size === 7) bits.write(0b01, 2);
      else if (size === 10) bits.write(0b10, 2);
      else throw new Error(`level ${level} needs an unsupported DC category ${size}`);
      bits.write(v > 0 ? v : v + (1 << size) - 1, size);
    }
    bits.write(0, 1);
  }
  for (let i = 1; i < blocks; i++) bits.write(0b000000000, 9);
  return Buffer.concat([Buffer.from(head), bits.finish(), Buffer.from([0xff, 0xd9])]);
}

class BitWriter {
  private out: Uint8Array;
  private length = 0;
  private acc = 0;
  private n = 0;
  constructor(capacity: number) {
    this.out = new Uint8Array(capacity);
  }
  write(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flush();
    }
  }
  private flush(): void {
    if (this.length + 2 > this.out.length) {
      const bigger = new Uint8Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.out[this.length++] = this.acc;
    if (this.acc === 0xff) this.out[this.length++] = 0; // byte stuffing
    this.acc = 0;
    this.n = 0;
  }
  finish(): Buffer {
    while (this.n !== 0) this.write(1, 1);
    return Buffer.from(this.out.subarray(0, this.length));
  }
}
