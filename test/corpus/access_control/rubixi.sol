pragma solidity 0.4.24;

contract Rubixi {
    address private creator;
    uint public fees;

    function DynamicPyramid() public {
        creator = msg.sender; // @vulnerable: access_control
    }

    function collectAllFees() public {
        require(msg.sender == creator);
        creator.transfer(fees);
        fees = 0;
    }
}
