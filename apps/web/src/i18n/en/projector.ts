/** English strings of projector mode: the classroom's screen (/class/CODE/projector). */
export const projector = {
  'pg.chart.loss': 'loss',

  'projector.title': 'Class {code}',
  'projector.open': 'Projector',
  'projector.open.tip': 'Open the class for the classroom’s screen in a new tab: the code and QR while students arrive, then the network’s output in large.',
  'projector.showClass': 'Show the class session',
  'projector.showJoin': 'Show how to join',
  'projector.fullscreen': 'Full screen',
  'projector.exitFullscreen': 'Leave full screen',
  'projector.noTeacher': 'The projector shows class {code} as its teacher: open it from the teacher view, in the browser you teach from.',
  'projector.classSession': 'Class session',
  'projector.epoch': 'Epoch {epoch}',
  'projector.waiting': 'Waiting for the class session…',
} as const;
