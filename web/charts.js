// charts.js: horizontal bar charts drawn as SVG by hand, for the page's two charts.
// It knows nothing of law or money: it gets rows with a label, a text to show and a length between 0 and 1
// (worked out from the library's numbers by app.js), and draws them with a <title> and a <desc>.

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 13; // px, the size of every text in the charts
const CHAR = 0.62; // estimated width of one character, in font sizes (no layout engine to ask)
// the height of a bar and the space after it: on screen, and dense (for a printed sheet, where space is short)
const SIZES = { screen: { barH: 22, gap: 10 }, dense: { barH: 16, gap: 4 } };

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(key, String(value));
    }
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

const textWidth = (s) => Math.ceil(String(s).length * FONT * CHAR);

/** Split a label into lines that fit width pixels, at spaces. */
function wrap(label, width) {
  const words = String(label).split(/\s+/);
  const lines = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) {
    lines.push(line);
  }
  return lines;
}

/** The <svg> shell: role img, named by its title and described by its desc. */
function shell(id, width, height, title, desc) {
  const svg = el('svg', {
    xmlns: SVG,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'bars',
  });
  svg.append(el('title', { id: `${id}-title` }, title), el('desc', { id: `${id}-desc` }, desc));
  const defs = el('defs');
  const hatch = el('pattern', {
    id: `${id}-hatch`,
    width: 6,
    height: 6,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  });
  hatch.append(
    el('rect', { width: 6, height: 6, class: 'hatch-bg' }),
    el('rect', { width: 2.5, height: 6, class: 'hatch-line' }),
  );
  defs.append(hatch);
  svg.append(defs);
  return svg;
}

/** A bar with its text: inside the bar (light on dark) when it fits, else just after its end. */
function bar(g, { x, y, length, barH, cls, hatched, id, text, attrs }) {
  const rect = el('rect', {
    x,
    y,
    width: Math.max(length, 2),
    height: barH,
    rx: 3,
    class: `bar ${cls || ''}`,
    fill: hatched ? `url(#${id}-hatch)` : undefined,
    ...attrs,
  });
  g.append(rect);
  if (text) {
    const inside = !hatched && textWidth(text) + 12 <= length;
    g.append(
      el(
        'text',
        {
          x: inside ? x + length - 6 : x + length + 6,
          y: y + barH / 2,
          'dominant-baseline': 'central',
          'text-anchor': inside ? 'end' : 'start',
          class: inside ? 'value inside' : 'value',
        },
        text,
      ),
    );
  }
}

/**
 * Bars with their label on a line above each bar (long labels, few rows).
 * rows: [{ label, text, ratio (0..1), cls, attrs }]; dense: smaller bars and gaps (for print)
 */
export function stackedBars({ id, width, title, desc, rows, dense = false }) {
  const { barH, gap } = dense ? SIZES.dense : SIZES.screen;
  const w = Math.max(240, Math.floor(width));
  const pad = 4;
  const longestText = Math.max(0, ...rows.map((r) => textWidth(r.text || '')));
  const barMax = w - 2 * pad;
  const g = el('g');
  let y = pad;
  for (const row of rows) {
    for (const line of wrap(row.label, w - 2 * pad)) {
      g.append(el('text', { x: pad, y: y + FONT, class: 'label' }, line));
      y += FONT + 5;
    }
    y += 2;
    // Leave room after a short bar for its text; a full bar holds its text inside.
    const room = row.ratio < 1 ? Math.min(longestText + 8, barMax / 2) : 0;
    const length = row.ratio * (barMax - room);
    bar(g, { x: pad, y, length, barH, cls: row.cls, id, text: row.text, attrs: row.attrs });
    y += barH + gap + 4;
  }
  const svg = shell(id, w, y, title, desc);
  svg.append(g);
  return svg;
}

/**
 * One row per item, its label on the left and its value after the bar (many rows, short labels).
 * rows: [{ label, text, ratio (0..1), cls, hatched, attrs }]; dense: smaller bars and gaps (for print)
 */
export function rowBars({ id, width, title, desc, rows, dense = false }) {
  const { barH, gap } = dense ? SIZES.dense : SIZES.screen;
  const w = Math.max(240, Math.floor(width));
  const pad = 4;
  const labelW = Math.max(...rows.map((r) => textWidth(r.label))) + 8;
  const textW = Math.max(...rows.map((r) => textWidth(r.text || ''))) + 8;
  const barMax = Math.max(40, w - 2 * pad - labelW - textW);
  const g = el('g');
  let y = pad;
  for (const row of rows) {
    const middle = { y: y + barH / 2, 'dominant-baseline': 'central' };
    g.append(el('text', { x: pad + labelW - 8, ...middle, 'text-anchor': 'end', class: 'label' }, row.label));
    const length = row.ratio * barMax;
    const rect = { x: pad + labelW, y, length, barH, cls: row.cls, hatched: row.hatched, id, attrs: row.attrs };
    bar(g, rect);
    g.append(el('text', { x: pad + labelW + length + 6, ...middle, class: 'value' }, row.text));
    y += barH + gap / 2;
  }
  const svg = shell(id, w, y + pad, title, desc);
  svg.append(g);
  return svg;
}
