import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';

/**
 * Only what the progress charts draw is registered, so the bundler drops the rest of
 * chart.js. This module is only ever loaded through `import()` (ChartCanvas.svelte), which
 * keeps chart.js out of the sign-in page's and the dashboard's initial JavaScript.
 */
Chart.register(
  LineController,
  BarController,
  RadarController,
  LineElement,
  PointElement,
  BarElement,
  CategoryScale,
  LinearScale,
  RadialLinearScale,
  Filler,
  Legend,
  Tooltip,
);

export { Chart };
