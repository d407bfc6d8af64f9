// The plugin's commands are files under lib/commands/ (oclif finds them there); nothing else is exported.
export {};
