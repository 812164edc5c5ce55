Console.WriteLine("halyard: commands arrive with the closed-loop issue.");
return 0;
