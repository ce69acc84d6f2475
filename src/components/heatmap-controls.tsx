import { useId } from 'react';
import { FOCUS_RING } from './button';

/** The heatmap's on/off switch and opacity slider, labelled for screen readers. */
export function HeatmapControls({
  visible,
  opacity,
  onVisible,
  onOpacity,
  disabled = false,
}: {
  visible: boolean;
  opacity: number;
  onVisible: (visible: boolean) => void;
  onOpacity: (opacity: number) => void;
  disabled?: boolean;
}) {
  const sliderId = useId();
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs">
      <button
        type="button"
        role="switch"
        aria-checked={visible}
        disabled={disabled}
        onClick={() => onVisible(!visible)}
        data-testid="heatmap-toggle"
        className={`inline-flex items-center gap-2 rounded-md border border-slate-300 px-2 py-1 font-medium disabled:opacity-50 dark:border-slate-600 ${FOCUS_RING}`}
        title="Where in the cell the model found the evidence for the class (class activation map)"
      >
        <span
          aria-hidden="true"
          className={`inline-block h-3 w-6 rounded-full p-0.5 ${visible ? 'bg-orange-500' : 'bg-slate-300 dark:bg-slate-600'}`}
        >
          <span className={`block h-2 w-2 rounded-full bg-white ${visible ? 'translate-x-3' : ''}`} />
        </span>
        Heatmap
      </button>
      <label htmlFor={sliderId} className="text-slate-600 dark:text-slate-300">
        Opacity
      </label>
      <input
        id={sliderId}
        type="range"
        min={0.1}
        max={1}
        step={0.05}
        value={opacity}
        disabled={disabled || !visible}
        onChange={(e) => onOpacity(Number(e.target.value))}
        aria-valuetext={`${Math.round(opacity * 100)}%`}
        data-testid="heatmap-opacity"
        className={`w-24 accent-orange-500 ${FOCUS_RING}`}
      />
    </div>
  );
}
