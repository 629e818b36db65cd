import { PDFDocument } from 'pdf-lib';

/** A4 in PDF points. */
const A4 = { width: 595.28, height: 841.89 };

/**
 * Wraps a scanned JPEG or PNG into a one-page A4 PDF (the image fitted, aspect kept), so it
 * can carry a PAdES signature; the image data is embedded as it is, not recompressed.
 */
export async function imageToPdf(
  bytes: Buffer,
  contentType: 'image/jpeg' | 'image/png',
  title: string,
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('SKR urzędomat');
  const image =
    contentType === 'image/jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
  const scale = Math.min(A4.width / image.width, A4.height / image.height, 1);
  const w = image.width * scale;
  const h = image.height * scale;
  const page = doc.addPage([A4.width, A4.height]);
  page.drawImage(image, { x: (A4.width - w) / 2, y: (A4.height - h) / 2, width: w, height: h });
  return Buffer.from(await doc.save());
}
