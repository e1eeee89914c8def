// A column edge of the log. A focusable separator is a widget (a window splitter, ARIA 1.2) that jsx-a11y
// counts as static, hence the two rules turned off for this file only.
/* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */
import type { PointerEvent } from 'react';

const RESIZE_STEP = 16;
const MAX_WIDTH = 900;

/** A column edge: drag it, or focus it and press ← or →; a double click (or Delete) goes back to the start. */
export function ResizeHandle({
  label,
  width,
  min,
  onResize,
}: {
  label: string;
  width: number;
  min: number;
  onResize(width: number | null): void;
}) {
  const clamp = (w: number) => Math.max(min, Math.min(MAX_WIDTH, Math.round(w)));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startX = e.clientX;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onResize(clamp(width + ev.clientX - startX));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      className="threat-table__resize"
      onPointerDown={onPointerDown}
      onDoubleClick={() => onResize(null)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          onResize(clamp(width + (e.key === 'ArrowRight' ? RESIZE_STEP : -RESIZE_STEP)));
        } else if (e.key === 'Delete' || e.key === 'Backspace') {
          e.preventDefault();
          onResize(null);
        }
      }}
    />
  );
}
