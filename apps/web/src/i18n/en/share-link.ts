/** English strings of links that reproduce a set-up (issue 11): copy a link, open one, start a class from it. */
export const shareLink = {
  'app.share.copy': 'Copy set-up link',
  'app.share.copy.tip': 'Copy a link that opens this set-up (data, features, network, settings and seeds) in practice mode, on any device.',
  'app.share.copied': 'Link copied',
  'app.share.copyHere': 'Copy this link:',
  'app.share.close': 'Close',
  'app.share.leftOut': 'The link does not carry more than {max} drawn points, so it opens with a generated dataset instead.',
  'app.share.notes': 'Part of this link could not be used, so those settings stay at their defaults:',
  'app.share.note.unknownKey': '“{field}” is not a setting Playroom knows.',
  'app.share.note.badValue': '“{field}” has a value that is not allowed.',
  'app.share.note.pointsLeftOut': 'The drawn points were too many for a link.',
  'app.share.note.unreadable': 'This link could not be read, so the default playground opened.',
  'app.share.dismiss': 'Dismiss',
} as const;
