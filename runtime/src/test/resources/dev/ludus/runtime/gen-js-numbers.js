// Generates js-numbers.txt: "<IEEE-754 bits as 16 hex digits> <String(x) in JavaScript>".
// Run: node gen-js-numbers.js > js-numbers.txt   (node v20; deterministic: seeded xorshift64*)
const buf = new DataView(new ArrayBuffer(8));
const hex = d => { buf.setFloat64(0, d); return buf.getBigUint64(0).toString(16).padStart(16, '0'); };
const fromBits = b => { buf.setBigUint64(0, BigInt.asUintN(64, b)); return buf.getFloat64(0); };
let s = 0x9E3779B97F4A7C15n;
const next = () => { s ^= s >> 12n; s ^= (s << 25n) & 0xFFFFFFFFFFFFFFFFn; s ^= s >> 27n;
                     return (s * 0x2545F4914F6CDD1Dn) & 0xFFFFFFFFFFFFFFFFn; };
const rnd = () => Number(next() >> 11n) / 2 ** 53;
const out = [];
const emit = d => out.push(hex(d) + ' ' + String(d));
const edge = [0, -0, NaN, Infinity, -Infinity, 1, -1, 4, 0.1, 0.2, 0.1 + 0.2, 2 / 3, 1 / 3, 10 / 3,
  Math.cos(0.25), 1e21, 1e-7, 1e-6, 0.000001, 1.5e-7, 123456789012345680000, 1.2345678901234568e29,
  1e20, 99999999999999990000, 1e12 * 1e12, 5e-324, 1e-323, 1.5e-323, 2.2250738585072014e-308,
  2.225073858507201e-308, 1.7976931348623157e308, 9007199254740991, 9007199254740992, 9007199254740993,
  -9007199254740992, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 2 ** -1074, 2 ** -1022, 1000.0001, 2.5, 0.25,
  3.3333333333333335e-7, 6.123233995736766e-17, 1e23, 2e23, 9.5e22, 5e-7, 4.35, 0.3, 1.005, 123e-20,
  1e300, 1e-300, 7e22, 1e22, 1e15, 1e16, 1e17, 1e18, 1e19, 1.1e21, 0.5e-6, 100, 1e2, 12345.6789,
  -0.0000001, -1e21, -123.456, Math.PI, Math.E, Math.SQRT2, Number.EPSILON, Number.MAX_SAFE_INTEGER + 0.5];
for (let e = -330; e <= 310; e++) { edge.push(Number('1e' + e)); edge.push(Number('9.999999999999999e' + e)); edge.push(Number('4.9e' + e)); }
for (let e = -1075; e <= 1024; e++) { edge.push(2 ** e); edge.push(-(2 ** e) * 3); }
for (const d of edge) emit(d);
for (let i = 0; i < 12000; i++) {
  switch (i % 6) {
    case 0: emit(fromBits(next())); break;                                       // any bit pattern
    case 1: emit(Math.floor(rnd() * 100000) / 10 ** Math.floor(rnd() * 12)); break; // short decimals
    case 2: emit(rnd() * 10 ** (Math.floor(rnd() * 60) - 30)); break;            // all magnitudes
    case 3: emit(Math.floor(rnd() * 2 ** 53) * 10 ** Math.floor(rnd() * 10)); break; // big integers
    case 4: emit(fromBits(next() & 0x007FFFFFFFFFFFFFn)); break;                  // tiny / subnormal
    default: emit((rnd() - 0.5) * 2 ** (Math.floor(rnd() * 200) - 100)); break;
  }
}
console.log(out.join('\n'));
