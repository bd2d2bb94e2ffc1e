// Tests for pathwayCharts.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { init, use } from 'echarts/core';
import { LineChart, RadarChart } from 'echarts/charts';
import type { LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { RadarComponentOption, TitleComponentOption } from 'echarts/components';
import { PATHWAYS } from './pathwayWords';
import {
  NEED_AXIS_NAME,
  NOT_SCORED,
  SERIES_LOOKS,
  hasScores,
  lineOption,
  normaliseScores,
  pathwayShortName,
  radarOption,
  labelledSeries,
  radarPointLabel,
  RADAR_LABEL_FROM,
  seriesLook,
  tableRows,
  wrapName,
  type EChartsOption,
  type ScoreSeries,
} from './pathwayCharts';

use([RadarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** Draws an option as the saved picture is drawn, without a page. */
function drawSvg(option: EChartsOption): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 520 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const initial: ScoreSeries = { label: 'Initial 3 Mar 2026', scores: [8, 6, 5, 9, 7, 3, 6] };
const review: ScoreSeries = { label: 'Review 2 Jun 2026', scores: [6, null, 4, 7, null, 3, 5] };
const exit: ScoreSeries = { label: 'Exit 1 Sep 2026', scores: [2, 3, 3, 3, 3, 2, 2] };
const fourth: ScoreSeries = { label: 'Follow-up 1 Dec 2026', scores: [1, 1, 1, 1, 1, 1, 1] };

function radarSeries(option: ReturnType<typeof radarOption>): RadarSeriesOption[] {
  return option.series as RadarSeriesOption[];
}

describe('pathwayShortName', () => {
  it('gives the short name of each of the seven pathways', () => {
    expect(PATHWAYS.map((p) => pathwayShortName(p.value))).toEqual([
      'Accommodation',
      'Education, training, employment',
      'Health',
      'Drugs and alcohol',
      'Finance, benefits, debt',
      'Children and families',
      'Attitudes, thinking, behaviour',
    ]);
  });
  it('shows an unknown code readably', () => {
    expect(pathwayShortName('new_pathway')).toBe('New pathway');
  });
});

describe('normaliseScores', () => {
  it('gives seven scores, padding with null and dropping extras', () => {
    expect(normaliseScores([3, 4])).toEqual([3, 4, null, null, null, null, null]);
    expect(normaliseScores([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('treats a number that is not finite as not scored', () => {
    expect(normaliseScores([NaN, Infinity, 5, null, 1, 2, 3])).toEqual([null, null, 5, null, 1, 2, 3]);
  });
});

describe('hasScores', () => {
  it('is false with no series, or only unscored ones', () => {
    expect(hasScores([])).toBe(false);
    expect(hasScores([{ label: 'A', scores: [null, null, null, null, null, null, null] }, { label: 'B', scores: [] }])).toBe(
      false,
    );
  });
  it('is true when any pathway of any series is scored', () => {
    expect(hasScores([{ label: 'A', scores: [] }, { label: 'B', scores: [null, null, 4] }])).toBe(true);
  });
});

describe('wrapName', () => {
  it('leaves a short name alone', () => {
    expect(wrapName('Health')).toBe('Health');
  });
  it('splits a long name at the space nearest its middle', () => {
    expect(wrapName('Education, training, employment')).toBe('Education, training,\nemployment');
    expect(wrapName('Children and families')).toBe('Children and\nfamilies');
  });
  it('cannot split a long word', () => {
    expect(wrapName('Supercalifragilistic')).toBe('Supercalifragilistic');
  });
});

describe('seriesLook', () => {
  it('gives each of four series its own colour, dash and point shape', () => {
    const looks = [0, 1, 2, 3].map(seriesLook);
    expect(new Set(looks.map((l) => l.colour)).size).toBe(4);
    expect(new Set(looks.map((l) => JSON.stringify(l.dash))).size).toBe(4);
    expect(looks.map((l) => l.symbol)).toEqual(['circle', 'triangle', 'rect', 'diamond']);
    expect(looks.slice(0, 3).map((l) => l.dash)).toEqual(['solid', 'dashed', 'dotted']);
  });
  it('starts again after the fourth', () => {
    expect(seriesLook(4)).toBe(SERIES_LOOKS[0]);
  });
});

describe('radarOption', () => {
  const option = radarOption([initial, review, exit, fourth]);

  it('has an axis for each pathway from 0 to 10 in five rings', () => {
    const radar = option.radar as RadarComponentOption;
    expect(radar.splitNumber).toBe(5);
    expect(radar.indicator).toHaveLength(7);
    expect(radar.indicator?.map((i) => i.name?.replace('\n', ' '))).toEqual(
      PATHWAYS.map((p) => pathwayShortName(p.value)),
    );
    for (const indicator of radar.indicator ?? []) {
      expect(indicator).toMatchObject({ min: 0, max: 10 });
    }
  });

  it('does not animate, so pictures are the same every time', () => {
    expect(option.animation).toBe(false);
  });

  it('draws one shape for each series, in PATHWAYS order, with unscored pathways missing', () => {
    const series = radarSeries(option);
    expect(series.map((s) => s.name)).toEqual([initial.label, review.label, exit.label, fourth.label]);
    expect(series.every((s) => s.type === 'radar')).toBe(true);
    expect(series[1].data).toEqual([{ name: review.label, value: [6, null, 4, 7, null, 3, 5] }]);
  });

  it('tells the series apart without colour: dash, point shape and printed scores', () => {
    const series = radarSeries(option);
    expect(series.map((s) => s.symbol)).toEqual(['circle', 'triangle', 'rect', 'diamond']);
    expect(series.map((s) => (s.lineStyle as { type: unknown }).type)).toEqual(SERIES_LOOKS.map((l) => l.dash));
    expect(series.map((s) => (s.lineStyle as { color: unknown }).color)).toEqual([
      '#0b5c63',
      '#a34700',
      '#5b3a8c',
      '#3d4850',
    ]);
    // Four series: too many numbers for one point; the table has them.
    expect(series.map((s) => s.label?.show)).toEqual([false, false, false, false]);
  });

  it('prints scores only where two numbers cannot collide: above the first series, below the last', () => {
    const where = (count: number) =>
      radarSeries(radarOption([initial, review, exit, fourth].slice(0, count))).map((s) =>
        s.label?.show ? s.label.position : null,
      );
    expect(where(1)).toEqual(['top']);
    expect(where(2)).toEqual(['top', 'bottom']);
    expect(where(3)).toEqual(['top', null, 'bottom']);
    expect(where(4)).toEqual([null, null, null, null]);
    expect(labelledSeries(0).size).toBe(0);
  });

  it('has a legend at the bottom whose icons are the point shapes', () => {
    expect(option.legend).toMatchObject({
      bottom: 8,
      data: [
        { name: initial.label, icon: 'circle' },
        { name: review.label, icon: 'triangle' },
        { name: exit.label, icon: 'rect' },
        { name: fourth.label, icon: 'diamond' },
      ],
    });
  });

  it('has no title on screen, but one on a saved picture', () => {
    expect(option.title).toBeUndefined();
    const titled = radarOption([initial], { title: 'Seven pathways' });
    expect((titled.title as TitleComponentOption).text).toBe('Seven pathways');
    expect(titled.backgroundColor).toBe('#ffffff');
  });
});

describe('lineOption', () => {
  const points = [
    { label: 'Initial 3 Mar 2026', score: 8 },
    { label: 'Review 2 Jun 2026', score: 6 },
    { label: 'Exit 1 Sep 2026', score: 3 },
  ];
  const option = lineOption(points, 'Accommodation');

  it('puts the assessments along the bottom and the need from 1 to 10 up the side', () => {
    expect(option.xAxis).toMatchObject({ type: 'category', data: points.map((p) => p.label) });
    expect(option.yAxis).toMatchObject({ type: 'value', min: 1, max: 10, name: NEED_AXIS_NAME });
    expect(NEED_AXIS_NAME).toBe('Need (1 low, 10 high)');
  });

  it('draws one line of the scores, each printed beside its point, without animation', () => {
    const series = option.series as LineSeriesOption[];
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ type: 'line', name: 'Accommodation', data: [8, 6, 3], symbol: 'circle' });
    expect(series[0].label?.show).toBe(true);
    expect(option.animation).toBe(false);
  });

  it('has a title only on a saved picture', () => {
    expect(option.title).toBeUndefined();
    const titled = lineOption(points, 'Accommodation', { title: 'Accommodation over time' });
    expect((titled.title as TitleComponentOption).text).toBe('Accommodation over time');
  });
});

describe('tableRows', () => {
  it('writes averages and their totals to one decimal place, without rounding noise', () => {
    const rows = tableRows([{ label: 'Average', scores: [6.3, 4.1, null, null, null, null, null] }]);
    expect(rows[0].cells).toEqual(['6.3']);
    expect(rows[rows.length - 1].cells).toEqual(['10.4']);
  });

  it('has a row for each pathway with a cell for each series, then a total', () => {
    const rows = tableRows([initial, review]);
    expect(rows).toHaveLength(8);
    expect(rows.slice(0, 7).map((r) => r.label)).toEqual(PATHWAYS.map((p) => p.label));
    expect(rows[0]).toEqual({ label: 'Accommodation', cells: ['8', '6'], total: false });
    expect(rows[1]).toEqual({ label: 'Education, training and employment', cells: ['6', NOT_SCORED], total: false });
    expect(NOT_SCORED).toBe('–');
  });

  it('adds up only the pathways scored', () => {
    const rows = tableRows([initial, review]);
    expect(rows[7]).toEqual({ label: 'Total', cells: ['44', '25'], total: true });
  });

  it('shows a dash as the total of a series with nothing scored', () => {
    const rows = tableRows([{ label: 'Blank', scores: [] }]);
    expect(rows.slice(0, 7).every((r) => r.cells[0] === NOT_SCORED)).toBe(true);
    expect(rows[7].cells).toEqual([NOT_SCORED]);
  });

  it('has only the pathway names and the total with no series', () => {
    const rows = tableRows([]);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.cells.length === 0)).toBe(true);
  });
});

describe('drawing with ECharts', () => {
  it('draws a radar with dashed lines, every score printed and the title', () => {
    const svg = drawSvg(radarOption([initial, review, exit], { title: 'Seven pathways' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Seven pathways');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('Drugs and');
    for (const label of [initial.label, review.label, exit.label]) expect(svg).toContain(label);
    // Initial's 9 for drugs and alcohol is the only 9; review's unscored pathways print nothing.
    expect(svg.match(/>9</g)).toHaveLength(1);
    expect(svg).not.toContain('NaN');
  });

  it('draws a line with its axis name and each score', () => {
    const svg = drawSvg(
      lineOption(
        [
          { label: 'Initial 3 Mar 2026', score: 8 },
          { label: 'Review 2 Jun 2026', score: 5 },
        ],
        'Health',
      ),
    );
    expect(svg).toContain(NEED_AXIS_NAME);
    expect(svg).toContain('Review 2 Jun 2026');
    // Once on the y axis, once beside the point.
    expect(svg.match(/>8</g)).toHaveLength(2);
    expect(svg.match(/>5</g)).toHaveLength(2);
    expect(svg.match(/>7</g)).toHaveLength(1);
  });
});

describe('radar point labels', () => {
  it('leaves unscored points and points near the centre unlabelled', () => {
    expect(RADAR_LABEL_FROM).toBe(4);
    expect(radarPointLabel(null)).toBe('');
    expect(radarPointLabel(undefined)).toBe('');
    expect(radarPointLabel(1)).toBe('');
    expect(radarPointLabel(3.9)).toBe('');
    expect(radarPointLabel(4)).toBe('4');
    expect(radarPointLabel(6.25)).toBe('6.3');
    expect(radarPointLabel(10)).toBe('10');
  });

  it('uses that rule for every series', () => {
    for (const s of radarSeries(radarOption([initial, review]))) {
      const formatter = s.label?.formatter as (params: { value: unknown }) => string;
      expect(formatter({ value: 3 })).toBe('');
      expect(formatter({ value: 8 })).toBe('8');
    }
  });
});
