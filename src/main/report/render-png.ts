// SVG to PNG for the Word document (docx embeds raster images everywhere Word and LibreOffice agree on),
// with resvg: no browser, the system's fonts.
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#FFFFFF',
  });
  return resvg.render().asPng();
}
