import type { Payload } from 'payload'

/** Placeholder until the demo content lands; replaced by the real seed. */
export const seedDemoContent = async (_payload: Payload): Promise<void> => {}
