// The registry names icons by their lucide name; this maps exactly those names to components,
// so the bundle carries only the icons in use. A new icon name in a definition needs one line.
import { Bell, Bot, Box, Code, Flag, GitBranch, GitFork, Globe, Play, Sparkles, Timer, UserCheck, Variable, Workflow } from "lucide-react";
import type { LucideIcon } from "lucide-react";

const ICONS: Record<string, LucideIcon> = {
  Bell,
  Bot,
  Code,
  Flag,
  GitBranch,
  GitFork,
  Globe,
  Play,
  Sparkles,
  Timer,
  UserCheck,
  Variable,
  Workflow,
};

export function nodeIcon(name: string | undefined): LucideIcon {
  return (name && ICONS[name]) || Box;
}

export const KNOWN_ICON_NAMES = Object.keys(ICONS);
