/** Every CLI command; each lives in its own file beside this one. */
import type { Command } from '../command.js'
import { migrate } from './migrate.js'
import { createUser } from './create-user.js'

export const COMMANDS: Command[] = [migrate, createUser]
