"""Horizontal (stacked) bar charts as SVG, for graph-build and graph-size.
Plain Python, no modules beyond the standard library; PNG conversion is left
to rsvg-convert (see to_png)."""

import html
import os
import shutil
import subprocess

# Colours for the segments of a stacked bar (cycled).
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
           "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295"]

BAR_H = 18
GAP = 6
LABEL_W = 200
CHART_W = 560
VALUE_W = 110
TOP = 50
FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\""


def esc(text):
    return html.escape(str(text), quote=True)


def bar_chart(title, rows, segments, fmt):
    """SVG text. rows: [(label, {segment: value})] in display order;
    segments: segment names in stacking order; fmt: value -> text."""
    used = [s for s in segments if any(v.get(s, 0) > 0 for _, v in rows)]
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(used)}
    biggest = max([sum(v.values()) for _, v in rows] + [0])
    scale = CHART_W / biggest if biggest > 0 else 0
    width = LABEL_W + CHART_W + VALUE_W + 20
    # Legend entries left to right, wrapping at the right edge.
    legend = []
    x, y = LABEL_W, TOP
    for s in used if len(used) > 1 else []:
        w = 24 + 7 * len(s)
        if x + w > width and x > LABEL_W:
            x, y = LABEL_W, y + 18
        legend.append((s, x, y))
        x += w
    legend_h = (y - TOP + 24) if legend else 0
    height = TOP + legend_h + len(rows) * (BAR_H + GAP) + 20
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">'
           % (width, height, width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="28" font-size="18" %s>%s</text>' % (FONT, esc(title))]
    for s, x, y in legend:
        out.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>' % (x, y - 8, colour[s]))
        out.append('<text x="%d" y="%d" font-size="12" %s>%s</text>' % (x + 16, y + 2, FONT, esc(s)))
    y = TOP + legend_h
    for label, values in rows:
        out.append('<text x="%d" y="%d" font-size="12" text-anchor="end" %s>%s</text>'
                   % (LABEL_W - 8, y + BAR_H - 5, FONT, esc(label)))
        x = float(LABEL_W)
        for s in used:
            v = values.get(s, 0)
            if v <= 0:
                continue
            w = v * scale
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s %s: %s</title></rect>'
                       % (x, y, max(w, 0.5), BAR_H, colour[s], esc(label), esc(s), esc(fmt(v))))
            x += w
        out.append('<text x="%.1f" y="%d" font-size="12" %s>%s</text>'
                   % (x + 6, y + BAR_H - 5, FONT, esc(fmt(sum(values.values())))))
        y += BAR_H + GAP
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_atomic(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def to_png(svg, png):
    """Convert with rsvg-convert (Debian package librsvg2-bin)."""
    tool = shutil.which("rsvg-convert")
    if tool is None:
        raise RuntimeError("rsvg-convert is missing (apt-get install librsvg2-bin); %s was written" % svg)
    subprocess.run([tool, "-b", "white", "-o", png + ".tmp", svg], check=True)
    os.replace(png + ".tmp", png)
