import { expose } from 'comlink';
import { analyseImage, classifyBox, cutCrops } from '../core/analyse';
import type { CellClassifier } from '../core/classifier';
import { findWhiteCells } from '../core/localise';
import type { Box } from '../core/rgba-image';
import { bitmapPixels, isGrayscale } from './bitmap-pixels';
import { CaseCalibrationRequests } from './case-calibration-requests';
import { MIN_CALIBRATION_CELLS } from '../core/case-calibration';
import { HeadSwitch } from './head-switch';
import { makeCellImages } from './cell-images';
import { acceptDebugPorts } from './debug-port';
import { explainRequest, rememberCrops } from './cell-heatmaps';
import { makeThumbnail } from './make-thumbnail';
import { oneAtATime } from './one-at-a-time';
import { startBackend } from './start-backend';
import { storedCrop } from './stored-crops';
import { assertWebglAlive, whenWebglLost } from './webgl-context';
import type { AnalysisWorkerApi } from './worker-api';

let classifier: CellClassifier | undefined;
let heads: HeadSwitch | undefined;

const api: AnalysisWorkerApi = {
  async load(options, onProgress) {
    classifier?.dispose();
    classifier = undefined;
    const started = await startBackend(options, onProgress);
    classifier = started.classifier;
    heads = new HeadSwitch(classifier);
    return started.info;
  },

  async adapt(images, onProgress) {
    if (!heads) throw new Error('The model is not loaded yet.');
    return heads.adapt(images, onProgress);
  },

  async adaptOnFeatures(examples, onProgress) {
    if (!heads) throw new Error('The model is not loaded yet.');
    return heads.adaptOnFeatures(examples, onProgress);
  },

  async cancelAdaptation() {
    heads?.cancel();
  },

  async rereadCells(cells, features, profile) {
    if (!heads) throw new Error('The model is not loaded yet.');
    return heads.reread(cells, features, profile);
  },

  async analyse(bitmap, profile) {
    if (!classifier || !heads) throw new Error('The model is not loaded yet.');
    try {
      // This request's head only: a profile made for another model is refused before any work.
      const reading = heads.reading(profile);
      assertWebglAlive();
      const t0 = performance.now();
      const pixels = bitmapPixels(bitmap);
      const t1 = performance.now();
      // Localised once: the same crops feed the classifier and, later, the heatmaps.
      const { cells: found, magnification } = findWhiteCells(pixels);
      const t2 = performance.now();
      const prepared = { cells: found, crops: cutCrops(pixels, found), magnification };
      const t3 = performance.now();
      // The pictures are drawn now and JPEG-encoded off this thread while the classifier runs.
      const cellImagesEncoded = makeCellImages(
        bitmap,
        found.map((c) => c.box),
      );
      const t4 = performance.now();
      const thumbnailEncoded = makeThumbnail(bitmap);
      const t5 = performance.now();
      // Awaited below; if the classifier fails first, a failed encoding has nothing to add.
      for (const p of [cellImagesEncoded, thumbnailEncoded]) p.catch(() => {});
      const threshold = reading.reviewThreshold;
      const analysis = await Promise.race([analyseImage(pixels, classifier, prepared, threshold), whenWebglLost()]);
      const t6 = performance.now();
      // Only the boxes the "not a white cell" reject kept: a platelet clump's box leaves nothing.
      const kept = {
        ...prepared,
        cells: analysis.kept.map((i) => found[i]),
        crops: analysis.kept.map((i) => prepared.crops[i]),
      };
      const analysisId = rememberCrops(kept);
      const encoded = await cellImagesEncoded;
      const cellImages = analysis.kept.map((i) => encoded[i]);
      const t7 = performance.now();
      const thumbnail = await thumbnailEncoded;
      const t8 = performance.now();
      assertWebglAlive(); // a context lost during the inference leaves zeros, not probabilities
      return {
        width: analysis.width,
        height: analysis.height,
        cells: reading.read(analysis.cells, analysis.features),
        thumbnail,
        cellImages,
        cellFeatures: analysis.features,
        cellCrops: kept.crops.map(storedCrop),
        grayscale: isGrayscale(pixels),
        magnification: analysis.magnification,
        timings: {
          pixelsMs: t1 - t0,
          localiseMs: t2 - t1,
          cropMs: t3 - t2,
          classifyMs: t6 - t5,
          // Drawing, then whatever of the encoding the classifier did not hide.
          cellPicturesMs: t4 - t3 + (t7 - t6),
          thumbnailMs: t5 - t4 + (t8 - t7),
        },
        analysisId,
        modelVersion: reading.modelVersion,
      };
    } finally {
      bitmap.close();
    }
  },

  async classifyBox(picture, box, width, height, profile) {
    if (!classifier || !heads) throw new Error('The model is not loaded yet.');
    try {
      const reading = heads.reading(profile);
      const sx = picture.width / width;
      const sy = picture.height / height;
      const scale = (b: Box, x: number, y: number): Box => ({
        x: b.x * x,
        y: b.y * y,
        width: b.width * x,
        height: b.height * y,
      });
      const { cell, features, crop } = await classifyBox(bitmapPixels(picture), scale(box, sx, sy), classifier);
      const [read] = reading.read([cell], [features]);
      const [cellImage] = await makeCellImages(picture, [cell.box]);
      const back = (b: Box) => scale(b, 1 / sx, 1 / sy);
      const shown = { ...read, box: back(cell.box), nucleus: back(cell.nucleus) };
      return { cell: shown, cellImage, features, crop: storedCrop(crop) };
    } finally {
      picture.close();
    }
  },

  async calibrateCase(crops, classes) {
    if (!classifier) throw new Error('The model is not loaded yet.');
    return new CaseCalibrationRequests(classifier).calibrate(crops, classes);
  },

  async readCalibrated(crops, calibration) {
    if (!classifier) throw new Error('The model is not loaded yet.');
    return new CaseCalibrationRequests(classifier).readWith(crops, calibration);
  },

  async calibrationMinimum() {
    return MIN_CALIBRATION_CELLS;
  },

  async explain(request) {
    if (!classifier) throw new Error('The model is not loaded yet.');
    if ('analysisId' in request) return explainRequest(classifier, request);
    try {
      return await explainRequest(classifier, request, bitmapPixels(request.image));
    } finally {
      request.image.close();
    }
  },
};

// Whatever runs the network waits its turn: a case's calibration is folded in only for its own request.
expose(oneAtATime(api, ['analyse', 'classifyBox', 'explain', 'adapt', 'calibrateCase', 'readCalibrated']));
acceptDebugPorts();
