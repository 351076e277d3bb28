// A check-in pass's QR code, drawn from the path the server computed: SVG elements built one by one, no HTML parsed.

const SVG = 'http://www.w3.org/2000/svg';

/** An <svg> of the QR code ({size, path}), labelled for screen readers. */
export function qrCode(qr, label) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
  svg.setAttribute('class', 'qr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(qr.size));
  background.setAttribute('height', String(qr.size));
  background.setAttribute('fill', '#fff');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', qr.path);
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}
