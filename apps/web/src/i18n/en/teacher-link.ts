/** English strings of the teacher link: the class opened as teacher on another device. */
export const teacherLink = {
  'teacherLink.show': 'Teach from another device',
  'teacherLink.title': 'Teacher link',
  'teacherLink.warning':
    'Open this link or scan this code on your other device (the classroom PC, your phone) to teach from there too. Anyone who has it can run and end your class: do not show it on the projector or share it.',
  'teacherLink.qr': 'QR code of your teacher link',
  'teacherLink.hide': 'Hide',
  'teacherLink.incomplete': 'This teacher link for class {code} is incomplete. Open the whole link, or scan its QR code again.',
} as const;
