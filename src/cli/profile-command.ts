/**
 * `gigaplan profile`: the command group for hourly generation profiles of one site-year (`profile pv`, and
 * `profile wind` from profile-wind-command.ts). Any file adding a `profile <kind>` subcommand gets the group
 * with `profileCommand(program)`, which returns the existing group or creates it, so registration order
 * does not matter.
 */
import type { Command } from "commander";
import type { Io } from "./io.ts";
import { registerProfilePvCommand } from "./profile-pv-command.ts";

export const PROFILE_COMMAND_DESCRIPTION = "hourly generation profiles for one site-year";

/** The `profile` command group of `program` (created on first use). */
export function profileCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === "profile") ?? program.command("profile").description(PROFILE_COMMAND_DESCRIPTION);
}

/** Registers `profile pv` under the `profile` group and returns the group. */
export function registerProfileCommand(program: Command, io: Io, setExit: (code: number) => void): Command {
  const profile = profileCommand(program);
  registerProfilePvCommand(profile, io, setExit);
  return profile;
}
