/**
 * pdf.js 5 (bundled by unpdf) calls two ES2024+ built-ins that Node 20 lacks: ArrayBuffer#transferToFixedLength
 * (when it compiles fonts for rendering) and Uint8Array.fromBase64 (XFA images). unpdf polyfills the others it
 * needs; these two fill the gap, and step aside wherever the runtime has the real ones.
 */
if (!('transferToFixedLength' in ArrayBuffer.prototype)) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    value(this: ArrayBuffer, newLength: number = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(newLength)
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(newLength, this.byteLength)))
      return copy
    },
    writable: true,
  })
}

if (!('fromBase64' in Uint8Array)) {
  Object.defineProperty(Uint8Array, 'fromBase64', {
    configurable: true,
    value: (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64')),
    writable: true,
  })
}

export {}
