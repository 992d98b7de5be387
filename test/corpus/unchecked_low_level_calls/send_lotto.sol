pragma solidity 0.4.24;

contract Lotto {
    bool public payedOut = false;
    address public winner;
    uint public winAmount;

    constructor(address w, uint a) public { winner = w; winAmount = a; }

    function sendToWinner() public {
        require(!payedOut);
        winner.send(winAmount); // @vulnerable: unchecked_low_level_calls
        payedOut = true;
    }
}
