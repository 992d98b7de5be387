pragma solidity 0.4.24;

contract KingOfTheEtherThrone {
    address public currentMonarch;
    uint public claimPrice = 1 ether;

    function claimThrone() public payable {
        require(msg.value >= claimPrice);
        currentMonarch.send(msg.value); // @vulnerable: unchecked_low_level_calls
        currentMonarch = msg.sender;
        claimPrice = claimPrice * 3 / 2; // @vulnerable: arithmetic
    }
}
