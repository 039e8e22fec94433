import { expect } from '@open-wc/testing';
import { $, fixtureFile, openPage, pickPhoto, until } from './helpers.js';
import { preparePhoto, type PreparedPhoto } from '../src/photos/prepare.js';
import type { ImagePayload } from '../src/schema.js';

const fixture = (name: string, type = 'image/jpeg') => fixtureFile(name, type);

const image = (result: PreparedPhoto): ImagePayload => {
  if (!result.ok) throw new Error(`expected a picture, got "${result.problem}"`);
  return result.image;
};

const bytesOf = (data: string) => Uint8Array.from(atob(data), (c) => c.charCodeAt(0));

/** Decodes the base64 JPEG again and returns its pixels. */
async function pixels(data: string): Promise<ImageData> {
  const bitmap = await createImageBitmap(new Blob([bytesOf(data)], { type: 'image/jpeg' }));
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** The markers of a JPEG's header segments, up to its first scan. */
function markers(jpeg: Uint8Array): number[] {
  const found: number[] = [];
  for (let at = 2; at + 4 <= jpeg.length && jpeg[at] === 0xff; at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!)) {
    found.push(jpeg[at + 1]!);
    if (jpeg[at + 1] === 0xda) break;
  }
  return found;
}

/**
 * Swaps `Worker` (and, if given, `createImageBitmap`) for the length of `run`, counting the
 * workers made and the page's own decodes.
 */
async function withGlobals<T>(
  { Worker: worker, createImageBitmap: decode = globalThis.createImageBitmap }: { Worker: typeof Worker; createImageBitmap?: typeof createImageBitmap },
  run: () => Promise<T>,
) {
  const original = { Worker: globalThis.Worker, createImageBitmap: globalThis.createImageBitmap };
  let made = 0;
  let calls = 0;
  globalThis.Worker = function (...args: ConstructorParameters<typeof Worker>) {
    made += 1;
    return new worker(...args);
  } as unknown as typeof Worker;
  globalThis.createImageBitmap = ((...args: Parameters<typeof createImageBitmap>) => {
    calls += 1;
    return decode(...args);
  }) as typeof createImageBitmap;
  try {
    return { result: await run(), made, calls };
  } finally {
    Object.assign(globalThis, original);
  }
}

/** A Worker as a page whose CSP refuses blob: workers makes it, in browsers that throw. */
const RefusedWorker = function () {
  throw new DOMException('Refused to create a worker', 'SecurityError');
} as unknown as typeof Worker;

/**
 * A Worker that answers each job with `answer`, or, without one, reports an error instead of
 * answering, as a worker refused after it was made may.
 */
const fakeWorker = (answer?: unknown) =>
  class {
    onerror: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: unknown }) => void) | null = null;
    postMessage(): void {
      setTimeout(() => (answer === undefined ? this.onerror?.({}) : this.onmessage?.({ data: answer })));
    }
    terminate(): void {}
  } as unknown as typeof Worker;

/** The mean absolute difference of each row of two pictures of one size, per channel. */
function rowDifferences(a: ImageData, b: ImageData): number[] {
  const rows: number[] = [];
  for (let y = 0; y < a.height; y++) {
    let sum = 0;
    for (let i = y * a.width * 4; i < (y + 1) * a.width * 4; i++) if (i % 4 !== 3) sum += Math.abs(a.data[i]! - b.data[i]!);
    rows.push(sum / (a.width * 3));
  }
  return rows;
}

/** A JPEG made here, with an EXIF APP1 holding only an Orientation tag spliced in after SOI. */
async function orientedJpeg(orientation: number, draw: (context: OffscreenCanvasRenderingContext2D) => void) {
  const canvas = new OffscreenCanvas(400, 300);
  draw(canvas.getContext('2d')!);
  const plain = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
  // Big-endian TIFF: header, IFD0 with one entry (0x0112 SHORT 1 = orientation), no next IFD.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]; // "Exif\0\0"
  const app1 = [0xff, 0xe1, 0, payload.length + 2, ...payload];
  const spliced = new Uint8Array(plain.length + app1.length);
  spliced.set(plain.subarray(0, 2));
  spliced.set(app1, 2);
  spliced.set(plain.subarray(2), 2 + app1.length);
  // One part: Firefox fails to decode a Blob whose first part is shorter than its sniffing needs.
  return new File([spliced], 'oriented.jpg', { type: 'image/jpeg' });
}

describe('preparePhoto', () => {
  it('turns the rotated 12 MP phone photo upright and scales it to 2048 on the long edge', async () => {
    const result = image(await preparePhoto(await fixture('phone-12mp-gps-rotated.jpg')));
    expect(result.type).to.equal('image/jpeg');
    expect(result.name).to.equal('phone-12mp-gps-rotated.jpg');
    // Stored 4032×3024 with Orientation 6: upright it is portrait.
    expect([result.width, result.height]).to.deep.equal([1536, 2048]);
    const decoded = await pixels(result.data);
    expect([decoded.width, decoded.height]).to.deep.equal([1536, 2048]);

    // The fixture's white "TOP" is at the top centre of the picture as it was taken, which the
    // stored (landscape) pixels only show once turned 90° clockwise, as Orientation 6 asks:
    // unrotated it would run up the left edge, rotated the wrong way down the right one.
    let white = 0;
    let inTopBand = 0;
    for (let i = 0; i < decoded.data.length; i += 4) {
      if (decoded.data[i]! > 235 && decoded.data[i + 1]! > 235 && decoded.data[i + 2]! > 235) {
        white += 1;
        const x = (i / 4) % decoded.width;
        const y = Math.floor(i / 4 / decoded.width);
        if (y < decoded.height * 0.2 && x > decoded.width * 0.3 && x < decoded.width * 0.7) inTopBand += 1;
      }
    }
    expect(white).to.be.greaterThan(2000);
    expect(inTopBand / white).to.be.greaterThan(0.98);
  });

  it('puts what a phone held upright saw at the top at the top (Orientation 6)', async () => {
    // A sensor's left edge is the scene's top when the phone is held upright.
    const file = await orientedJpeg(6, (context) => {
      context.fillStyle = '#00f';
      context.fillRect(0, 0, 400, 300);
      context.fillStyle = '#f00';
      context.fillRect(0, 0, 100, 300);
    });
    const result = image(await preparePhoto(file));
    expect([result.width, result.height]).to.deep.equal([300, 400]);
    const decoded = await pixels(result.data);
    const rgb = (x: number, y: number) => [...decoded.data.subarray((y * 300 + x) * 4, (y * 300 + x) * 4 + 3)];
    const [topR, , topB] = rgb(150, 40);
    const [bottomR, , bottomB] = rgb(150, 360);
    expect(topR).to.be.greaterThan(200);
    expect(topB).to.be.lessThan(60);
    expect(bottomR).to.be.lessThan(60);
    expect(bottomB).to.be.greaterThan(200);
  });

  it('sends no EXIF: no GPS position, no camera serial', async () => {
    const original = new Uint8Array(await (await fixture('phone-12mp-gps-rotated.jpg')).arrayBuffer());
    const result = image(await preparePhoto(await fixture('phone-12mp-gps-rotated.jpg')));
    const bytes = bytesOf(result.data);
    const text = new TextDecoder('latin1').decode(bytes);
    const originalText = new TextDecoder('latin1').decode(original.subarray(0, 1024));
    // The fixture does carry them, so their absence below means something.
    expect(originalText).to.include('Exif').and.include('CAM123').and.include('TestCam');
    expect(text).not.to.include('Exif');
    expect(text).not.to.include('CAM123');
    expect(text).not.to.include('TestCam');
    expect(markers(bytes)).not.to.include(0xe1); // no APP1 segment at all (EXIF, XMP)
    expect([bytes[0], bytes[1]]).to.deep.equal([0xff, 0xd8]);
  });

  it('re-encodes the large PNG as a much smaller JPEG of the same size', async () => {
    const file = await fixture('damaged-box.png', 'image/png');
    const result = image(await preparePhoto(file));
    expect(result).to.include({ name: 'damaged-box.jpg', type: 'image/jpeg', width: 1600, height: 1200 });
    expect(result.data).to.match(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(bytesOf(result.data).length).to.be.lessThan(file.size / 2);
    const decoded = await pixels(result.data);
    expect([decoded.width, decoded.height]).to.deep.equal([1600, 1200]);
  });

  it('accepts WebP and names the result .jpg', async () => {
    const file = new File([await fixture('label.webp')], 'label', { type: 'image/webp' });
    const result = image(await preparePhoto(file));
    expect(result).to.include({ name: 'label.jpg', type: 'image/jpeg', width: 640, height: 480 });
    const decoded = await pixels(result.data);
    expect([decoded.width, decoded.height]).to.deep.equal([640, 480]);
  });

  it('follows maxEdge', async () => {
    const result = image(await preparePhoto(await fixture('damaged-box.png', 'image/png'), { maxEdge: 800 }));
    expect([result.width, result.height]).to.deep.equal([800, 600]);
  });

  it('fills transparency with white, not the black JPEG would make of it, on the page too', async () => {
    const canvas = new OffscreenCanvas(20, 20);
    canvas.getContext('2d')!.fillRect(10, 0, 10, 20); // left half transparent, right half black
    const png = new File([await canvas.convertToBlob({ type: 'image/png' })], 'cutout.png', { type: 'image/png' });
    const { result } = await withGlobals({ Worker: RefusedWorker }, () => preparePhoto(png));
    for (const prepared of [await preparePhoto(png), result]) {
      const { data } = await pixels(image(prepared).data);
      // The top left pixel too, where the page's slices make their first draw.
      expect(data[0]).to.be.greaterThan(225);
      expect(data[(10 * 20 + 2) * 4]).to.be.greaterThan(225);
      expect(data[(10 * 20 + 17) * 4]).to.be.lessThan(30);
    }
  });

  it('reports HEIC, which these browsers cannot decode', async () => {
    const result = await preparePhoto(await fixture('iphone.heic', 'image/heic'));
    expect(result).to.deep.equal({ ok: false, problem: 'heic' });
  });

  it('reports a text file named and typed as a JPEG as not a picture', async () => {
    expect(await preparePhoto(await fixture('not-an-image.jpg'))).to.deep.equal({ ok: false, problem: 'not-image' });
  });

  it('reports a truncated JPEG as damaged, in Firefox too, which would draw it', async () => {
    expect(await preparePhoto(await fixture('truncated.jpg'))).to.deep.equal({ ok: false, problem: 'damaged' });
  });

  it('reports an empty file', async () => {
    expect(await preparePhoto(await fixture('empty.jpg'))).to.deep.equal({ ok: false, problem: 'empty' });
  });

  it('refuses the 20000×20000 bomb from its header, without decoding it', async () => {
    const file = await fixture('bomb-20000x20000.png', 'image/png');
    const started = performance.now();
    const { result, made, calls } = await withGlobals({ Worker }, () => preparePhoto(file));
    expect(result).to.deep.equal({ ok: false, problem: 'too-big' });
    expect(calls).to.equal(0);
    expect(made).to.equal(0);
    expect(performance.now() - started).to.be.lessThan(1000);
  });

  it('reports an unexpected failure as damaged instead of throwing', async () => {
    const failing = () => Promise.reject(new DOMException('boom', 'InvalidStateError'));
    const file = await fixture('label.webp');
    const { result, calls } = await withGlobals({ Worker: RefusedWorker, createImageBitmap: failing }, () => preparePhoto(file));
    expect(calls).to.equal(1);
    expect(result).to.deep.equal({ ok: false, problem: 'damaged' });
  });

  describe('where the work is done', () => {
    it('decodes, scales and encodes in a worker, leaving the page alone', async () => {
      const file = await fixture('phone-12mp-gps-rotated.jpg');
      const { result, made, calls } = await withGlobals({ Worker }, () => preparePhoto(file));
      expect(made).to.equal(1);
      expect(calls).to.equal(0);
      expect(image(result)).to.include({ width: 1536, height: 2048 });
    });

    it('does the same on the page, in bands, where no worker can be made', async function () {
      this.timeout(20000);
      // Sharp stripes, and a scale (2048/4001) that puts bands between rows of the result:
      // a band drawn a row off, or blended with the white where two meet, shows at once.
      const canvas = new OffscreenCanvas(3001, 4001);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 3001, 4001);
      context.fillStyle = '#000';
      for (let y = 0; y < 4001; y += 32) context.fillRect(0, y, 3001, 16);
      const file = new File([await canvas.convertToBlob({ type: 'image/png' })], 'stripes.png', { type: 'image/png' });
      const inWorker = image(await preparePhoto(file));
      const { result, calls } = await withGlobals({ Worker: RefusedWorker }, () => preparePhoto(file));
      expect(calls).to.equal(1);
      const onPage = image(result);
      expect(onPage).to.include({ name: 'stripes.jpg', type: 'image/jpeg', width: 1536, height: 2048 });
      // Drawn band by band, no row is off: no seam where one band meets the next.
      const rows = rowDifferences(await pixels(onPage.data), await pixels(inWorker.data));
      expect(Math.max(...rows)).to.be.lessThan(12);
      expect(rows.reduce((a, b) => a + b) / rows.length).to.be.lessThan(3);
    });

    it('falls back to the page when the worker reports an error instead of answering', async () => {
      const file = await fixture('label.webp');
      const { result, made, calls } = await withGlobals({ Worker: fakeWorker() }, () => preparePhoto(file));
      expect(made).to.equal(1);
      expect(calls).to.equal(1);
      expect(result.ok).to.equal(true);
    });

    it('reports a picture the worker could not decode as damaged, without decoding it again', async () => {
      const file = await fixture('label.webp');
      const { result, calls } = await withGlobals({ Worker: fakeWorker({ ok: false, undecodable: true }) }, () =>
        preparePhoto(file),
      );
      expect(calls).to.equal(0);
      expect(result).to.deep.equal({ ok: false, problem: 'damaged' });
    });
  });

  describe('in a form on a page whose CSP allows no workers', () => {
    it('prepares the photo on the page, with nothing refused but the worker', async function () {
      this.timeout(20000);
      const { win, elements } = await openPage('no-workers', [{ lang: 'en', endpoint: '/x' }]);
      const el = elements[0]!;
      await pickPhoto(el, 'phone-12mp-gps-rotated.jpg', win);
      await until(() => el.shadowRoot!.querySelectorAll('.photos li').length === 1, 15000);
      expect($(el, '.photos li').textContent).to.contain('phone-12mp-gps-rotated.jpg (1536×2048)');
      // Violations are reported in a task of their own.
      await until(() => win.violations.length);
      expect(win.violations.map((v) => v.directive)).to.deep.equal(['worker-src']);
    });
  });
});
