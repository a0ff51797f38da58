/**
 * Loads .env files the way `payload run` and Next do (@next/env's order: `.env.<mode>.local`, `.env.local`,
 * `.env.<mode>`, `.env`; the first file to set a variable wins, the real environment beats them all).
 * Import it first: the Payload config reads the environment when it is imported.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { config } from 'dotenv'

const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development'
const files = [`.env.${mode}.local`, '.env.local', `.env.${mode}`, '.env']
  .map((file) => path.resolve(process.cwd(), file))
  .filter((file) => existsSync(file))
if (files.length) config({ path: files, quiet: true })
