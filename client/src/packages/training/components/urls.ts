/** Where the training staff pages go, and the event that tells a list to reload. */
export const STAFF_TRAINING_URLS = {
  courses: '/packages/training/courses/index',
  certificates: '/packages/training/certificates/index',
  offers: '/packages/training/offers/index',
  edit: (id?: string) =>
    id
      ? `/packages/training/edit/index?id=${encodeURIComponent(id)}`
      : '/packages/training/edit/index',
  roster: (id: string) => `/packages/training/roster/index?id=${encodeURIComponent(id)}`,
  person: (registrationId: string) =>
    `/packages/training/offers/index?registrationId=${encodeURIComponent(registrationId)}`,
} as const;

export const STAFF_COURSES_CHANGED = 'training:staffCoursesChanged';
