import type { LabProfile } from '@/lib/storage/adaptation-storage';

/** Names the file's kind, so that another JSON file is refused with a message rather than misread. */
export const LAB_PROFILE_FORMAT = 'hematovision-lab-profile';
const FORMAT_VERSION = 1;
const MAX_NAME = 120;

/** A profile as a JSON file another browser can import: the head's weights as plain numbers. */
export function labProfileJson(profile: LabProfile): string {
  const { head, ...calibration } = profile.adapted;
  return JSON.stringify(
    {
      format: LAB_PROFILE_FORMAT,
      formatVersion: FORMAT_VERSION,
      name: profile.name,
      id: profile.id,
      modelVersion: profile.modelVersion,
      createdAt: profile.createdAt,
      cellsPerClass: profile.cellsPerClass,
      adapted: {
        ...calibration,
        // Float32 values written as the shortest decimals that read back to the same Float32.
        head: {
          features: head.features,
          classes: head.classes,
          kernel: Array.from(head.kernel),
          bias: Array.from(head.bias),
        },
      },
    },
    null,
    1,
  );
}

/** Thrown for a file that is not a lab profile, or a damaged one: its message says which. */
export class LabProfileFileError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finiteNumbers = (v: unknown, length: number): v is number[] =>
  Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const probability = (v: unknown) => v === undefined || (typeof v === 'number' && v >= 0 && v <= 1);

/** Reads a file written by labProfileJson back into a profile, checking every field it uses. */
export function parseLabProfileJson(text: string): LabProfile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new LabProfileFileError('The file is not JSON: it is not a lab profile.');
  }
  if (!isRecord(data) || data.format !== LAB_PROFILE_FORMAT) {
    throw new LabProfileFileError('The file is not a HematoVision lab profile.');
  }
  if (data.formatVersion !== FORMAT_VERSION) {
    throw new LabProfileFileError(`The profile was written in a newer format (${String(data.formatVersion)}).`);
  }
  const { name, id, modelVersion, createdAt, cellsPerClass, adapted } = data;
  const damaged = (what: string) => new LabProfileFileError(`The lab profile is damaged: ${what}.`);
  if (typeof name !== 'string' || name.trim() === '') throw damaged('it has no name');
  if (typeof id !== 'string' || !/^lab\.[0-9a-f]{8}$/.test(id)) throw damaged('its id is not lab.<8 hex digits>');
  if (typeof modelVersion !== 'string' || modelVersion === '') throw damaged('it names no model version');
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw damaged('its date is unreadable');
  if (!isRecord(adapted) || !isRecord(adapted.head)) throw damaged('it has no head');
  const { features, classes, kernel, bias } = adapted.head;
  if (!positiveInt(features) || !positiveInt(classes)) throw damaged("its head's shape is unreadable");
  if (!finiteNumbers(kernel, features * classes) || !finiteNumbers(bias, classes)) {
    throw damaged(`its head's weights are not ${features} × ${classes} numbers`);
  }
  if (typeof adapted.temperature !== 'number' || !(adapted.temperature > 0))
    throw damaged('its temperature is not positive');
  if (!probability(adapted.reviewThreshold) || !probability(adapted.reviewTarget)) {
    throw damaged('its review threshold is not a probability');
  }
  if (
    !Array.isArray(cellsPerClass) ||
    cellsPerClass.length !== classes ||
    !cellsPerClass.every((n) => Number.isInteger(n) && n >= 0)
  ) {
    throw damaged('its cells per class are unreadable');
  }
  return {
    name: name.trim().slice(0, MAX_NAME),
    id,
    modelVersion,
    createdAt,
    cellsPerClass: cellsPerClass as number[],
    adapted: {
      head: { features, classes, kernel: Float32Array.from(kernel), bias: Float32Array.from(bias) },
      temperature: adapted.temperature,
      ...(adapted.reviewThreshold === undefined ? {} : { reviewThreshold: adapted.reviewThreshold as number }),
      ...(adapted.reviewTarget === undefined ? {} : { reviewTarget: adapted.reviewTarget as number }),
      ...(isRecord(adapted.ownCells) ? { ownCells: adapted.ownCells as never } : {}),
    },
  };
}
