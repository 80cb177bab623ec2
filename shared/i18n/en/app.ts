import type { Catalog } from '../catalog-types';

// The core's own sentences (electron/core, shared/models.ts): refusals, notes written into job logs,
// picture warnings. The English is what the CLI prints and what records on disk keep.
export const app = {
  // ipc/router.ts
  'app.ipc.unknownRequest': 'Unknown request. Restart Veo Studio if this keeps happening.',
  'app.ipc.somethingWrong': 'Something went wrong. Try again.',
  // service: faces
  'app.desktopOnly': 'Available in the desktop app.',
  'app.host.noPicturePath': 'The browser host does not open pictures by path. Drop the picture on the page or choose it with the file button.',
  'app.host.noSidecarPath': 'The browser host does not open files by path. Drop the .json sidecar on the page instead.',
  'app.host.noApiBaseChange': 'The API base cannot be changed from the browser. Restart the host with "{command}", or change it in the desktop app.',
  'app.host.noProviderChange': 'This host was started with --api-base, so its provider cannot be changed from the browser. Restart the host with the --provider (and --api-base) you want.',
  'app.host.noProxyChange': 'The proxy cannot be changed from the browser. Start the host with HTTPS_PROXY set, or change it in the desktop app.',
  // service: API key
  'app.key.missing': 'No API key for {provider} is set. Open Settings and add your key, or try the simulator.',
  'app.key.simulatorNothingSaved': 'The simulator needs no API key; nothing was saved.',
  'app.key.simulatorNeedsNone': 'The simulator needs no API key.',
  'app.key.notValid': 'The key is not valid.',
  'app.key.couldNot': 'Could not {verb, select, read {read} save {save} other {remove}} the API key. Try again.',
  // service: pictures handed in
  'app.picture.gone': 'The picture is no longer available — drop it again.',
  'app.picture.lastFrameGone': 'The last frame is no longer available — drop it again.',
  'app.picture.noFile': 'The picture arrived without its file. Drop it again.',
  'app.picture.empty': 'The picture is empty. Drop the file again.',
  'app.picture.tooLarge': 'The picture is larger than {megabytes} MB. Use a smaller file.',
  'app.picture.rerunUnusable': 'The input picture of this job can no longer be used: {reason} Drop it on Create to start again.',
  // service: library
  'app.library.jobGone': 'This job is no longer in the library.',
  'app.library.deleteActive': 'This job is still {state, select, submitting {submitting} queued {queued} running {running} downloading {downloading} other {{state}}}. {state, select, downloading {Its video is downloading; delete it once the download has finished.} other {Cancel it first, then delete it.}}',
  'app.library.notDeleted': 'This job is not deleted, so there is nothing to undo.',
  'app.library.trashGone': 'This job can no longer be restored: deleted jobs are kept only until the app closes.',
  'app.video.notYet': 'This job has no video yet: it appears once the job has completed.',
  // service: sidecars
  'app.sidecar.missing': '“{video}” has no sidecar: {sidecar} is not next to it.',
  'app.sidecar.dropTheJson': 'A video dropped here arrives without the folder it sits in, so its sidecar cannot be found. Drop the .json sidecar next to it instead.',
  // service: export and import
  'app.portable.busy': 'An export or import is already running; wait for it to finish.',
  'app.portable.failed': 'The export or import failed.',
  'app.portable.noPicker': 'There is no folder picker here: type the folder path instead.',
  'app.portable.nulByte': 'That folder path contains a NUL byte.',
  'app.portable.notAbsolute': 'Type a full folder path, starting with {sep, select, slash {“/”} other {a drive letter}}.',
  // spend guard
  'app.spend.needsConfirmation': 'This would spend about {usd, number, ::currency/USD group-off}, above your limit of {limit, number, ::currency/USD group-off}. Confirm to go ahead, or change the limit in Settings.',
  'app.spend.secondFinal': 'This draft already has a final, which {where, select, done {is done} other {is on its way}}: choose "Open final" to see it. For another version, use "Another take" on the final.',
  'app.rerun.alreadyFull': '{model} is already a full model: there is no final to make of this take.',
  // shared/models.ts: what a model takes
  'app.model.notOffered': '{model} does not offer {what, select, aspectRatio {aspect ratio} duration {duration} other {resolution}} {value}; it accepts {allowed}.{hint, select, create { Change it on Create and try again.} other {}}',
  'app.model.noNegativePrompt': '{model} takes no negative prompt ({others} do).{hint, select, create { Change it on Create and try again.} other {}}',
  'app.model.noSeed': '{model} takes no seed ({others} do).{hint, select, create { Change it on Create and try again.} other {}}',
  'app.model.needsLastFrame': '{model} needs a last frame as well as the first picture: add one.{hint, select, create { Change it on Create and try again.} other {}}',
  'app.model.noLastFrame': '{model} takes one picture, not a last frame ({which} does): remove the last frame or pick that model.{hint, select, create { Change it on Create and try again.} other {}}',
  // jobs: the runner's own errors
  'app.job.outcomeUnknown': 'Veo Studio stopped while this job was being sent, so it may or may not have been queued (and charged). Check your provider dashboard before re-running it.',
  'app.job.cancelled': 'Cancelled at your request.',
  'app.job.notReady': 'The server said the job finished but would not hand over the result. Use "Check again" in a minute.',
  'app.job.internal': 'Something went wrong inside Veo Studio: {detail}',
  'app.job.serverFailedNotCharged': 'The job failed on the server (HTTP {status, number, ::group-off}); failed jobs are not billed, so you were not charged. Try again in a few minutes.',
  'app.job.expired': 'The video was made — and charged — but its link on the server expired before Veo Studio could save it. It cannot be fetched any more; Retry makes a new video and is charged again.',
  'app.job.stillUnreachable': 'Can’t reach {host} since {since, time, medium} — still trying. The job may still be running on the server; nothing is lost.',
  'app.job.inputNotPrepared': 'The input image could not be prepared ({reason}). Replace the picture, then generate again.',
  'app.job.noSuchJob': 'No job with id {id} in the library.',
  'app.download.failed': 'The finished video could not be downloaded. Use "Check again" to resume the download.',
  'app.recheck.noRequestId': 'There is nothing Veo Studio can ask about: the request was sent, but no request id came back, so only your provider can tell whether it was queued (and charged) — check the request history in your provider dashboard before generating again.',
  'app.recheck.nothingToCheck': 'There is nothing to check for this job here: it never reached the server, or it was imported from another library (imported jobs keep no server addresses — check that library\'s provider dashboard).',
  // jobs: what the server said to a cancel (a line on the job's log)
  'app.cancel.requested': 'Cancel requested; the server may still finish the job.',
  'app.cancel.alreadyCompleted': 'Cancel arrived after the job had finished on the server.',
  'app.cancel.notFound': 'The server no longer knows this request.',
  'app.cancel.downloading': 'This job already finished on the server; its video is downloading and has been paid for.',
  // jobs: failures told in the simulator's terms
  'app.simulator.outcomeUnknown': 'The answer to sending this job never arrived, so the simulator may or may not have started it. The simulator is free, so nothing was charged; Retry makes a new one.',
  'app.simulator.notFound': 'The simulator no longer has this job: it keeps jobs only while it runs, and it stopped since (the built-in one stops with the app). The simulator is free, so nothing was charged; Retry makes a new one.',
  'app.simulator.expired': 'The simulator\'s link to the finished video expired before Veo Studio could save it. The simulator is free, so nothing was charged; Retry makes a new one.',
  'app.simulator.payloadTooLarge': 'The simulator refused this request as too large (HTTP 413): its payload_too_large scenario refuses every request, whatever its size. A real provider says this only for a picture above its upload limit. Nothing was charged.',
  // media: input pictures
  'app.image.empty': '{named, select, yes {“{name}”} other {This file}} is empty (0 bytes). Pick the image again or re-export it.',
  'app.image.tooLarge': '{named, select, yes {“{name}”} other {This file}} is {size}; the limit is {limit}. Export a smaller copy (1920 pixels on the long side is plenty) and try again.',
  'app.image.notAnImage': '{named, select, yes {“{name}”} other {This file}} is not a PNG, JPEG or WebP image (its contents match none of them, whatever its name says). Use a PNG, JPEG or WebP.',
  'app.image.corrupt': 'The image could not be read (it may be truncated). Re-export it and try again.',
  'app.image.notAFile': '{named, select, yes {“{name}”} other {This file}} is not a file. Pick an image file instead.',
  'app.image.permissionDenied': '{named, select, yes {“{name}”} other {This file}} could not be opened: permission denied. Copy it somewhere you can read and try again.',
  'app.image.isFolder': '{named, select, yes {“{name}”} other {This file}} is a folder. Pick an image file instead.',
  'app.image.notFound': '{named, select, yes {“{name}”} other {This file}} could not be found. It may have been moved or deleted; pick it again.',
  'app.image.doesNotFit': 'Even resized, the picture does not fit in the {limit} upload limit. Use a simpler or smaller picture, or paste an https link to it instead.',
  'app.image.tooManyPixelsSized': 'This image is {width, number, ::group-off}×{height, number, ::group-off} pixels ({megapixels}); at most {max} can be processed safely. Resize it (1920 pixels on the long side is plenty) and try again.',
  'app.image.tooManyPixels': 'This image has too many pixels; at most {max} can be processed safely. Resize it (1920 pixels on the long side is plenty) and try again.',
  'app.image.notPrepared': 'The picture could not be prepared. Drop it again; if that fails, re-export it as PNG or JPEG.',
  // media: picture links
  'app.url.empty': 'The link is empty. Paste a public https:// link to a PNG, JPEG or WebP image, or drop the file itself.',
  'app.url.tooLong': 'The link is too long (over {max, number, ::group-off} characters). Paste a public https:// link to a PNG, JPEG or WebP image, or drop the file itself.',
  'app.url.notAnAddress': 'That is not a web address. Paste a public https:// link to a PNG, JPEG or WebP image, or drop the file itself.',
  'app.url.dataLink': 'Data links are not accepted here. Drop the image file instead: it will be checked and resized first.',
  'app.url.httpsOnly': 'Only https:// links are accepted: change http:// to https://, or drop the file itself.',
  'app.url.scheme': 'Links starting with “{scheme}” cannot be used. Paste a public https:// link to a PNG, JPEG or WebP image, or drop the file itself.',
  'app.url.noHost': 'The link has no host name. Paste a public https:// link to a PNG, JPEG or WebP image, or drop the file itself.',
  'app.url.credentials': 'The link contains a user name or password. Remove them: the link is sent to the server and kept in the job history.',
  // media: picture warnings (shown before submit)
  'app.pictureWarning.small': 'The picture is {width, number, ::group-off}×{height, number, ::group-off}; fal asks for at least {min, number, ::group-off} pixels on the short side (720p). The video may look soft, or the server may refuse it. Use a larger picture if you have one.',
  'app.pictureWarning.aspect': 'The picture is {width, number, ::group-off}×{height, number, ::group-off}, not 16:9 or 9:16: about {percent, number} % of it will be cropped to make a {target} video. Crop it yourself first to choose what stays.',
  'app.pictureWarning.downscaled': 'The picture ({fromWidth, number, ::group-off}×{fromHeight, number, ::group-off}, {fromSize}) will be sent as a {toWidth, number, ::group-off}×{toHeight, number, ::group-off} JPEG ({toSize}) to fit the upload limits. The original stays in your library.',
} as const satisfies Catalog<'app'>;
