pragma solidity 0.4.24;

contract Game {
    uint public lastPlayed;

    function play() public payable {
        if (now - lastPlayed > 1 minutes) { // @vulnerable: time_manipulation
            msg.sender.transfer(this.balance);
        }
        lastPlayed = now;
    }
}
