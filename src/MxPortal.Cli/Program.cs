// The command-line front end over the same services as the portal.
using MxPortal.Cli.Bounces;
using MxPortal.Cli.Deliveries;

return args.FirstOrDefault() switch
{
    "classify" => ClassifyCommand.Run(args[1..], Console.In, Console.Out, Console.Error),
    "bounce-rules" when args.Length > 1 && args[1] == "export" => ClassifyCommand.ExportRules(args[2..], Console.Out, Console.Error),
    "deliver" when args.Length > 1 && args[1] == "import" => await ImportWorkloadCommand.RunAsync(args[2..], Console.Out, Console.Error),
    "deliver" when args.Length > 1 && args[1] == "run" => await RunDeliveriesCommand.RunAsync(args[2..], Console.Out, Console.Error),
    "bounce-mailbox" when args.Length > 1 && args[1] == "poll" => await PollMailboxCommand.RunAsync(args[2..], Console.Out, Console.Error),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: mxportal classify [--rules FILE] FILE...");
    Console.Error.WriteLine("       mxportal classify [--rules FILE] --lines   (one SMTP reply per stdin line)");
    Console.Error.WriteLine("       mxportal bounce-rules export [--rules FILE]  (the rules as JSON, docs/bounce-rules-json.md)");
    Console.Error.WriteLine("       mxportal bounce-mailbox poll ID [--Database:Provider P --Database:ConnectionString CS]  (one poll, docs/bounce-mailbox.md)");
    Console.Error.WriteLine("       mxportal deliver import DIR        (a benchmark workload folder: recipients.txt, message.eml, sender.txt)");
    Console.Error.WriteLine("       mxportal deliver run [--dns H:P] [--port N] [--throttle FILE] [--source-ip IP] [--max-wait S]");
    return 2;
}
