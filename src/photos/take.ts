/**
 * What a pick of files adds: each photo prepared in turn, as many as there is room for, and a
 * message for each file refused. Loaded with the photo code (prepare.ts) on the first pick.
 */
import type { FormModel } from '../form/model.js';
import type { Message } from '../i18n/index.js';
import { headProblem, preparePhoto, type PhotoProblem } from './prepare.js';

const TERMS = {
  empty: 'photoDamaged',
  damaged: 'photoDamaged',
  'not-image': 'photoNotImage',
  heic: 'photoHeic',
  'too-big': 'photoTooBig',
} as const satisfies Record<PhotoProblem, string>;

/** A fresh id for a photo: the same file picked twice makes two photos. */
const photoId = (): string => Math.random().toString(36).slice(2) + Date.now().toString(36);

/**
 * Prepares `files` in order, as many as `model` has room for under `limit`, adding each photo
 * once it is ready; stops as soon as `current()` is false (the form was reset meanwhile).
 * Resolves with why the others were not taken.
 */
export async function takePhotos(files: File[], model: FormModel, limit: number, current: () => boolean): Promise<Message[]> {
  const problems: Message[] = [];
  const taken = Math.max(limit - model.photos.length, 0);
  for (const file of files.slice(0, taken)) {
    const result = await preparePhoto(file);
    if (!current()) return problems;
    if (result.ok) model.addPhotos([{ id: photoId(), image: result.image }]);
    else problems.push((t) => t[TERMS[result.problem]](file.name));
  }
  // Each file there was no room for, by name: its own problem if it has one (a HEIC would not go
  // in anyway), else how many fitted.
  for (const file of files.slice(taken)) {
    // A file that cannot even be read (moved or deleted since it was picked) is damaged.
    const problem = await headProblem(file).catch(() => 'damaged' as const);
    problems.push(problem ? (t) => t[TERMS[problem]](file.name) : (t) => t.photoNoRoom(file.name, taken, limit));
  }
  return problems;
}
