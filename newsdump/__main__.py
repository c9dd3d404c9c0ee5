from newsdump.cli import main

main()
