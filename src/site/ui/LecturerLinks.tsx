import type { Lecturer } from '@/payload-types'

/** Lecturers as links to their pages, separated the Chinese way (、); names are shown as written. */
export function LecturerLinks({ lecturers }: { lecturers: Array<Pick<Lecturer, 'id' | 'name'>> }) {
  return lecturers.map((lecturer, index) => (
    <span key={lecturer.id}>
      {index ? '、' : ''}
      <a href={`/lecturers/${lecturer.id}`}>{lecturer.name}</a>
    </span>
  ))
}
