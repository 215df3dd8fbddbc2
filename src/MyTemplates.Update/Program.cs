using MyTemplates.Update;

return await UpdateCli.InvokeAsync(args);
