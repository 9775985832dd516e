// The command-line front end over the same services as the portal. Commands are added by the issues that need them.
Console.Error.WriteLine("usage: mxportal <command> [args]");
return 2;
